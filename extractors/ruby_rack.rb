# run: ruby extractors/ruby_rack.rb
#
# Prints Rack's status table as a statuscheck table document: phrases from
# Rack::Utils::HTTP_STATUS_CODES (code -> phrase; Rack::Response and Rails use it), in
# the hash's order; names from Rack::Utils::SYMBOL_TO_STATUS_CODE, the symbols
# Rack::Utils.status_code and Rails' `status:` accept (:not_found ...), which Rack
# derives from the phrases. Rack 3.1+ still accepts renamed symbols (:payload_too_large
# ...) from its private OBSOLETE_SYMBOLS_TO_STATUS_CODES: they follow as aliases, or as
# name-only entries for codes it no longer phrases (509, 510). Rack 2.2 has no such
# table. The version is Rack::RELEASE of the loaded gem.
require "json"

begin
  require "rack"
rescue LoadError
  warn "Ruby gem rack is not installed: run extractors/install.sh"
  exit 1
end

utils = Rack::Utils
symbols = utils::SYMBOL_TO_STATUS_CODE.to_a
if utils.const_defined?(:OBSOLETE_SYMBOLS_TO_STATUS_CODES, false)
  symbols += utils.const_get(:OBSOLETE_SYMBOLS_TO_STATUS_CODES, false).to_a
end
# code -> its symbols, the one derived from the phrase first
names = symbols.group_by(&:last).transform_values { |pairs| pairs.map { |sym, _| sym.to_s } }
phrases = utils::HTTP_STATUS_CODES

entries = (phrases.keys | names.keys).flat_map do |code|
  primary, *aliases = names.fetch(code, [])
  [{ code: code, name: primary, phrase: phrases[code] }.compact] +
    aliases.map { |name| { code: code, name: name, alias: true } }
end

puts "{"
puts '  "statuscheck_table": 1,'
puts "  \"implementation\": #{JSON.generate("Ruby Rack #{Rack::RELEASE}")},"
puts '  "language": "ruby",'
puts '  "entries": ['
puts entries.map { |entry| "    #{JSON.generate(entry)}" }.join(",\n")
puts "  ]"
puts "}"

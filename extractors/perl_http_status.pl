# run: perl extractors/perl_http_status.pl
#
# Prints the status table of Perl's HTTP::Status (HTTP-Message, used by LWP) as a
# statuscheck table document: names are the HTTP_* constants it exports (its ':constants'
# tag), codes are their values, phrases are status_message($code). Several constants can
# share a code (HTTP_PAYLOAD_TOO_LARGE and HTTP_REQUEST_ENTITY_TOO_LARGE): the one named
# after the phrase (status_constant_name($code)) comes first, the others follow as
# aliases. HTTP::Status builds its constants from a hash, so it has no stable definition
# order: entries are sorted by code, aliases by name. The legacy RC_* names double the
# HTTP_* ones and are left out. The version is $HTTP::Status::VERSION.
use strict;
use warnings;
use JSON::PP ();

eval { require HTTP::Status; 1 } or do {
    print STDERR "Perl module HTTP::Status is not installed: run extractors/install.sh\n";
    exit 1;
};

my %names_of;    # code -> its HTTP_* constant names
for my $name (@{ $HTTP::Status::EXPORT_TAGS{constants} }) {
    push @{ $names_of{ HTTP::Status->can($name)->() } }, $name;
}

my @entries;     # each an ordered list of key => value pairs
for my $code (sort { $a <=> $b } keys %names_of) {
    my $primary = HTTP::Status::status_constant_name($code);
    my $phrase  = HTTP::Status::status_message($code);
    push @entries, [ code => 0 + $code, name => $primary, phrase => $phrase ];
    push @entries, map { [ code => 0 + $code, name => $_, alias => JSON::PP::true ] }
        sort grep { $_ ne $primary } @{ $names_of{$code} };
}

my $json = JSON::PP->new->utf8->allow_nonref;
sub encode_pairs {
    my @pairs = @_;
    my @members;
    while (my ($key, $value) = splice @pairs, 0, 2) {
        push @members, $json->encode($key) . ':' . $json->encode($value);
    }
    return '{' . join(',', @members) . '}';
}

print "{\n";
print qq{  "statuscheck_table": 1,\n};
print qq{  "implementation": }, $json->encode("Perl HTTP::Status $HTTP::Status::VERSION"), ",\n";
print qq{  "language": "perl",\n};
print qq{  "entries": [\n};
print join(",\n", map { '    ' . encode_pairs(@$_) } @entries), "\n";
print "  ]\n}\n";

# The backends of deploy/varnish/newsroom.vcl in the compose profile "scale-out": two API instances, taken in turn
# while their readiness probe (/health/ready: 200 when the database answers) passes.

probe newsroom_ready {
    .url = "/health/ready";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend api1 {
    .host = "api1";
    .port = "8080";
    .probe = newsroom_ready;
}

backend api2 {
    .host = "api2";
    .port = "8080";
    .probe = newsroom_ready;
}

sub vcl_init {
    new api = directors.round_robin();
    api.add_backend(api1);
    api.add_backend(api2);
}

# Who may PURGE: the API instances, on compose's private network. Narrow it to their addresses in production.
acl purgers {
    "localhost";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

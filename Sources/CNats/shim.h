// The NATS C client (libnats-dev), found through pkg-config as libnats.
#include <nats/nats.h>

/**
 * Destinations the proxy refuses unless allow-networks names them: the runner's loopback,
 * private, shared, link-local and metadata addresses, multicast and reserved space. Squid
 * checks them after resolving a name (so an allowed name pointing inside is refused too), and
 * the host rules drop the same ranges on the egress bridge.
 *
 * 198.18.0.0/15 (benchmarking) is deliberately absent: it is public-routable space on no real
 * network, and the offline test lab uses it as "the internet".
 */
export const DENIED_NETWORKS_V4: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '168.63.129.16/32', // Azure wire server and metadata on GitHub-hosted runners
  '169.254.0.0/16', // link-local, cloud metadata at 169.254.169.254
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.168.0.0/16',
  '224.0.0.0/4',
  '240.0.0.0/4'
]

/**
 * IPv4-mapped addresses (::ffff:0:0/96) are not listed: Squid stores every IPv4 address in
 * that form, so the IPv4 entries above already cover them (and listing the /96 would read as
 * 0.0.0.0/0).
 */
export const DENIED_NETWORKS_V6: readonly string[] = [
  '::/128', // unspecified: a connection to it reaches the proxy's own host, as 0.0.0.0 does
  '::1/128',
  '64:ff9b::/96', // NAT64: likewise
  'fc00::/7',
  'fe80::/10',
  'ff00::/8'
]

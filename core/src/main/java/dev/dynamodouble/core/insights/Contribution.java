package dev.dynamodouble.core.insights;

/**
 * What Contributor Insights counts of a key: that a request accessed it (the most accessed keys,
 * rules PKC and SKC), or that a request naming it was throttled (the most throttled keys, rules
 * PKT and SKT).
 */
enum Contribution { ACCESSED, THROTTLED }

import Testing

/// The suites that start real servers as subprocesses (aiosmtpd, an HTTPS server), one test at a time.
///
/// Starting Python interpreters all at once on a two-core machine starves the timing-sensitive tests of other
/// modules that run alongside (the monitor's 300 ms poll timeouts); one at a time, the load stays small.
@Suite(.serialized) enum SubprocessServerTests {}

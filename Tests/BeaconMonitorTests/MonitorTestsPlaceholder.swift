// The BeaconMonitorTests target is declared in Package.swift; SwiftPM refuses a target without sources.
// Monitor tests (libcurl against BeaconTestSupport's LoopbackHTTPServer) replace this file.
import Testing

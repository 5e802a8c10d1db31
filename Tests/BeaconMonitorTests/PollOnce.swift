import BeaconMonitor
import Foundation

/// Polls one URL once through a real `Poller` and returns what it got.
func pollOnce(
    _ url: String, id: Int = 0, timeout: Duration = .milliseconds(500), maxBytes: Int = 1 << 20
) async throws
    -> PollResult
{
    var options = Poller.Options()
    options.spreadStart = false
    let (results, continuation) = AsyncStream.makeStream(of: PollResult.self)
    let poller = try Poller(
        targets: [PollTarget(id: id, url: url, interval: .seconds(60), timeout: timeout, maxBytes: maxBytes)],
        options: options
    ) { continuation.yield($0) }
    poller.start()
    var iterator = results.makeAsyncIterator()
    let result = await iterator.next()
    poller.stop()
    return result!
}

import Hummingbird
import NIOCore

/// The loopback server's request context: Hummingbird's basics and the client's port, which tells one connection
/// from another (a keep-alive client sends many requests from one port).
struct LoopbackRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientPort = source.channel.remoteAddress?.port
    }
}

import NIOCore

/// One line from an SMTP client.
enum SMTPLine: Sendable, Hashable {
    /// A line without its CRLF (or bare LF).
    case line([UInt8])
    /// A line longer than the decoder keeps; its bytes were dropped up to its end.
    case overlong
}

/// Splits the byte stream into lines, keeping at most `maximumLength` bytes of each, so a client that never
/// sends a line end cannot grow the buffer without bound.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPLine

    let maximumLength: Int
    /// Dropping the rest of an overlong line, up to its line end.
    private var discarding = false

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if discarding {
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            } else if buffer.readableBytes > maximumLength + 1 {
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                discarding = true
                context.fireChannelRead(wrapInboundOut(.overlong))
            }
            return .needMoreData
        }
        let length = newline - view.startIndex
        let bytes = buffer.readBytes(length: length + 1) ?? []
        if discarding {
            discarding = false
            return .continue
        }
        var line = bytes.dropLast()
        if line.last == 13 { line = line.dropLast() }
        let decoded: SMTPLine = line.count > maximumLength ? .overlong : .line(Array(line))
        context.fireChannelRead(wrapInboundOut(decoded))
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        // A last line without its line end is no complete command; the client is gone anyway.
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }
}

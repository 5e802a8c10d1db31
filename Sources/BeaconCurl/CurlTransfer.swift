import CCurl
import Foundation

/// One request in the engine: its easy handle while in flight, the buffers libcurl reads and writes, and the
/// continuation that hands the outcome back.
///
/// `@unchecked Sendable` because it changes hands once: the caller builds it, the loop thread owns it from
/// submission on.
final class CurlTransfer: @unchecked Sendable {
    typealias Completion = CheckedContinuation<Result<CurlResponse, CurlFailure>, Never>

    let id: UInt64
    let request: CurlRequest
    private var completion: Completion?
    let maxResponseBytes: Int
    var headerList: UnsafeMutablePointer<curl_slist>?
    var recipientList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes a sentence about the failure here.
    let errorBuffer: UnsafeMutablePointer<CChar>
    var body: [UInt8] = []
    var bodyTruncated = false
    /// Where the upload (a mail message) has got to.
    var uploadOffset = 0
    /// The server's last reply line (SMTP).
    var lastReply: String?

    init(id: UInt64, request: CurlRequest, maxResponseBytes: Int, completion: Completion) {
        self.id = id
        self.request = request
        self.maxResponseBytes = maxResponseBytes
        self.completion = completion
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_slist_free_all(recipientList)
        errorBuffer.deallocate()
    }

    /// Hands the outcome to the waiting task; later calls do nothing.
    func complete(_ outcome: Result<CurlResponse, CurlFailure>) {
        completion?.resume(returning: outcome)
        completion = nil
    }

    var errorDetail: String { String(cString: errorBuffer) }

    // MARK: - libcurl callbacks

    /// Keeps the first `maxResponseBytes` of the body and drops the rest: a delivered message must not turn
    /// into a failure (and a duplicate on retry) because the receiver answered at length.
    static let write: beacon_curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let room = max(transfer.maxResponseBytes - transfer.body.count, 0)
        if let data, room > 0 {
            transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: min(length, room)))
        }
        if length > room { transfer.bodyTruncated = true }
        return length
    }

    /// libcurl passes every SMTP reply line through the header callback; the last one is the verdict.
    static let header: beacon_curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        if let data {
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: min(length, 512)), as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { transfer.lastReply = trimmed }
        }
        return length
    }

    /// Feeds the mail message to libcurl.
    static let read: beacon_curl_read_callback = { buffer, size, count, context in
        guard let context, let buffer else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let body = transfer.request.body
        let length = min(size * count, body.count - transfer.uploadOffset)
        guard length > 0 else { return 0 }
        body.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(
                from: bytes.baseAddress! + transfer.uploadOffset, byteCount: length)
        }
        transfer.uploadOffset += length
        return length
    }
}

import BeaconCore
import CCurl

/// Sets an easy handle's options for one transfer.
struct CurlTransferSetup {
    let transfer: CurlTransfer
    let easy: UnsafeMutableRawPointer
    let options: CurlClient.Options

    func apply() {
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        CurlDefaults.setTimeout(easy, request.timeout)
        beacon_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(transfer.errorBuffer))
        beacon_curl_setopt_write_function(easy, CurlTransfer.write)
        beacon_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        if let username = request.username { beacon_curl_setopt_string(easy, CURLOPT_USERNAME, username) }
        if let password = request.password { beacon_curl_setopt_string(easy, CURLOPT_PASSWORD, password) }
        switch request.kind {
        case .post: applyPost(request)
        case .mail(let envelope): applyMail(request, envelope, context: context)
        }
    }

    private func applyPost(_ request: CurlRequest) {
        beacon_curl_setopt_string(easy, CURLOPT_URL, request.url)
        options.defaults.apply(to: easy, protocols: "http,https")
        beacon_curl_setopt_long(easy, CURLOPT_POST, 1)
        beacon_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        // COPYPOSTFIELDS: libcurl keeps its own copy, so the body's lifetime is not tied to the request value.
        request.body.withUnsafeBytes { bytes in
            let empty: StaticString = ""
            let pointer = bytes.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
            beacon_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: pointer))
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            list = curl_slist_append(list, header.line)
        }
        // An empty Expect header stops curl from waiting on "100 continue" before larger bodies.
        list = curl_slist_append(list, "Expect:")
        transfer.headerList = list
        beacon_curl_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(list))
    }

    private func applyMail(_ request: CurlRequest, _ envelope: MailEnvelope, context: UnsafeMutableRawPointer) {
        beacon_curl_setopt_string(easy, CURLOPT_URL, Self.mailURL(request.url, envelope.security))
        options.defaults.apply(to: easy, protocols: "smtp,smtps")
        beacon_curl_setopt_long(easy, CURLOPT_USE_SSL, Self.useSSL(envelope.security))
        beacon_curl_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(envelope.from)>")
        // Bounds every wait on the server's replies, the QUIT on closing a cached connection included.
        beacon_curl_setopt_long(
            easy, CURLOPT_SERVER_RESPONSE_TIMEOUT, max(CurlDefaults.milliseconds(transfer.request.timeout) / 1_000, 1))
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in envelope.recipients {
            recipients = curl_slist_append(recipients, "<\(address)>")
        }
        transfer.recipientList = recipients
        beacon_curl_setopt_pointer(easy, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients))
        beacon_curl_setopt_long(easy, CURLOPT_UPLOAD, 1)
        beacon_curl_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.count))
        beacon_curl_setopt_read_function(easy, CurlTransfer.read)
        beacon_curl_setopt_pointer(easy, CURLOPT_READDATA, context)
        beacon_curl_setopt_header_function(easy, CurlTransfer.header)
        beacon_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
    }

    /// `tls` means TLS from the first byte, which libcurl does for `smtps://`.
    static func mailURL(_ url: String, _ security: MailSecurity) -> String {
        guard security == .tls, url.hasPrefix("smtp://") else { return url }
        return "smtps://" + url.dropFirst("smtp://".count)
    }

    static func useSSL(_ security: MailSecurity) -> Int {
        switch security {
        case .starttls: Int(CURLUSESSL_TRY.rawValue)
        case .requireStarttls: Int(CURLUSESSL_ALL.rawValue)
        case .tls: Int(CURLUSESSL_ALL.rawValue)
        case .none: Int(CURLUSESSL_NONE.rawValue)
        }
    }
}

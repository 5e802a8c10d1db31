import Foundation
import Hummingbird

/// Reading and writing the API's JSON.
enum JSONBody {
    /// Decodes a request body; a missing or malformed body is a 400 naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, allowEmpty: Bool = false) async throws -> T
    {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw APIError(.contentTooLarge, "The request body is larger than 64 KiB.")
        }
        var data = Data(buffer: buffer)
        if data.isEmpty {
            guard allowEmpty else { throw APIError(.badRequest, "The request needs a JSON body.") }
            data = Data("{}".utf8)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError(
                .badRequest, "\(path(context.codingPath + [key])) is required.", field: path(context.codingPath + [key])
            )
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            guard !context.codingPath.isEmpty else { throw APIError(.badRequest, "The body must be a JSON object.") }
            throw APIError(
                .badRequest, "\(path(context.codingPath)) has the wrong type.", field: path(context.codingPath))
        } catch let DecodingError.dataCorrupted(context) {
            let field = path(context.codingPath)
            throw APIError(
                .badRequest, field.isEmpty ? "The body is not valid JSON." : "\(field): \(context.debugDescription)",
                field: field.isEmpty ? nil : field)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, "The body is not valid JSON.")
        }
    }

    /// - Parameter location: for a 201, where the new resource is.
    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil
    ) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let location { headers[.location] = location }
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder.beacon.encode(value))))
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { key in key.intValue.map { "[\($0)]" } ?? snake(key.stringValue) }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func snake(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            if character.isUppercase {
                text += "_" + character.lowercased()
            } else {
                text.append(character)
            }
        }
    }
}

/// One product's complaints since midnight.
public struct ProductComplaints: Sendable, Hashable, Codable {
    public var sku: String
    public var name: String
    public var count: Int

    public init(sku: String, name: String, count: Int) {
        self.sku = sku
        self.name = name
        self.count = count
    }
}

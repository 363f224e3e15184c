/// An enum whose raw values are stored in a `text` column guarded by a `CHECK (col IN (…))`.
///
/// Raw values are lower_snake and must match the SQL exactly; `SupportSchemaTests` compares every
/// conforming enum with the CHECK constraint of its column in ``SupportMigrations``.
public protocol SchemaEnum: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {}

extension SchemaEnum {
    /// All raw values in declaration order, e.g. for building a filter or a `CHECK` list.
    public static var rawValues: [String] { allCases.map(\.rawValue) }
}

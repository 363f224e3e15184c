import JobQueue
import PostgresMigrations
import SupportSchema

/// Every migration this binary knows, in order: the queue library's first, then the platform's.
public enum SchemaCatalog {
    public static let migrations: [Migration] =
        JobQueueSchema.migrations.map { Migration(id: $0.id, sql: $0.sql) }
        + SupportMigrations.all.map { Migration(id: $0.id, sql: $0.sql) }

    public static var migrator: Migrator { Migrator(migrations: migrations) }
}

import PostgresMigrations
import Testing

struct SQLStatementSplitterTests {
    @Test func splitsAtTopLevelSemicolons() {
        #expect(SQLStatementSplitter.split("CREATE TABLE a (x int);\nCREATE INDEX ON a (x);") == [
            "CREATE TABLE a (x int)", "CREATE INDEX ON a (x)",
        ])
    }

    @Test func keepsSemicolonsInsideQuotesCommentsAndDollarBodies() {
        let script = """
            -- a comment; not a split
            INSERT INTO t VALUES ('a;b', "we;ird");
            /* block; comment */ SELECT 1;
            CREATE FUNCTION f() RETURNS trigger AS $fn$ BEGIN RAISE EXCEPTION 'no; way'; END $fn$ LANGUAGE plpgsql;
            DO $$ BEGIN PERFORM 1; END $$;
            """
        let parts = SQLStatementSplitter.split(script)
        #expect(parts.count == 4)
        #expect(parts[0].hasSuffix("VALUES ('a;b', \"we;ird\")"))
        #expect(parts[1] == "/* block; comment */ SELECT 1")
        #expect(parts[2].hasSuffix("LANGUAGE plpgsql"))
        #expect(parts[3] == "DO $$ BEGIN PERFORM 1; END $$")
    }

    @Test func dropsEmptyAndCommentOnlyPieces() {
        #expect(SQLStatementSplitter.split(";;\n-- just a comment\n;SELECT 2;  ") == ["SELECT 2"])
    }

    @Test func doubledQuotesStayInsideTheString() {
        #expect(SQLStatementSplitter.split("SELECT 'it''s; fine'; SELECT 3") == ["SELECT 'it''s; fine'", "SELECT 3"])
    }

    @Test func positionalParametersAreNotDollarQuotes() {
        #expect(SQLStatementSplitter.split("SELECT $1; SELECT 4") == ["SELECT $1", "SELECT 4"])
    }
}

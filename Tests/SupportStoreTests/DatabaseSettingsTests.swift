import SupportStore
import Testing

struct DatabaseSettingsTests {
    @Test func parsesAFullURL() throws {
        let s = try DatabaseSettings.parse(url: "postgres://alice:s%40cret@db.example:6543/support?sslmode=require&pool_max=7", setting: "DATABASE_URL")
        #expect(s.host == "db.example")
        #expect(s.port == 6543)
        #expect(s.username == "alice")
        #expect(s.password == "s@cret")
        #expect(s.database == "support")
        #expect(s.tls == .require)
        #expect(s.maxConnections == 7)
        #expect(!s.redactedURL.contains("cret"))
    }

    @Test func loopbackDefaultsToNoTLSAndOthersToPrefer() throws {
        #expect(try DatabaseSettings.parse(url: "postgresql://u@127.0.0.1/db", setting: "X").tls == .disable)
        #expect(try DatabaseSettings.parse(url: "postgres://u@db/db", setting: "X").tls == .prefer)
    }

    @Test(arguments: [
        ("mysql://u@h/db", "scheme"),
        ("postgres://u@h", "database name"),
        ("postgres://h/db", "user"),
        ("postgres://u@/db", "host"),
        ("postgres://u@h/db?sslmode=maybe", "sslmode"),
        ("postgres://u@h/db?color=red", "unknown parameter color"),
        ("not a url at all", "scheme"),
    ])
    func rejectsBadURLsNamingTheSetting(url: String, problem: String) {
        #expect {
            try DatabaseSettings.parse(url: url, setting: "DATABASE_URL")
        } throws: { error in
            let e = error as? ConfigurationError
            return e?.setting == "DATABASE_URL" && e?.description.contains(problem) == true
        }
    }

    @Test func precedenceIsFlagThenURLThenVariablesThenLocal() throws {
        let env = ["DATABASE_URL": "postgres://a@h1/d1", "POSTGRES_USER": "b", "POSTGRES_DB": "d2"]
        #expect(try DatabaseSettings.resolve(flagURL: "postgres://f@h0/d0", environment: env).host == "h0")
        #expect(try DatabaseSettings.resolve(flagURL: nil, environment: env).host == "h1")
        let vars = try DatabaseSettings.resolve(flagURL: nil, environment: ["POSTGRES_USER": "b", "POSTGRES_DB": "d2", "POSTGRES_PORT": "5440"])
        #expect(vars.username == "b" && vars.database == "d2" && vars.port == 5440)
        #expect(try DatabaseSettings.resolve(flagURL: nil, environment: [:]).url.hasPrefix("postgres://support:support@127.0.0.1:54329/support"))
    }

    @Test func badVariablesNameTheVariable() {
        #expect(throws: ConfigurationError(setting: "POSTGRES_PORT", problem: "must be a port number, got \"http\"")) {
            try DatabaseSettings.resolve(flagURL: nil, environment: ["POSTGRES_PORT": "http", "POSTGRES_USER": "u", "POSTGRES_DB": "d"])
        }
        #expect(throws: ConfigurationError.self) {
            try DatabaseSettings.resolve(flagURL: nil, environment: ["POSTGRES_HOST": "h"])
        }
    }

    @Test func urlRoundTrips() throws {
        let s = try DatabaseSettings.parse(url: "postgres://u:p%2Fw@h:1234/db?sslmode=disable", setting: "X")
        #expect(try DatabaseSettings.parse(url: s.url, setting: "X") == s)
    }
}

/// What a bearer token is for (`auth_token.kind`); decides its lifetime.
public enum AuthTokenKind: String, SchemaEnum {
    /// A console or portal sign-in: short-lived.
    case session
    /// A staff member's token for scripts and integrations: long-lived, revocable.
    case api
}

/// Which kind of account signs in (`login_attempt.account`, `auth_token`'s subject).
public enum AccountKind: String, SchemaEnum {
    case staff
    case requester
}

/// A moderation punishment in a community chat (`punishment.kind`).
public enum PunishmentKind: String, SchemaEnum {
    case ban
    case mute
    case warning
}

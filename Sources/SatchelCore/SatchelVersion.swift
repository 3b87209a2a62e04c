/// The version `satchel --version` prints.
public enum SatchelVersion {
    public static let string = "0.1.0"
}

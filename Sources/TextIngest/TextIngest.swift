/// The TextIngest module. See DESIGN.md for what it owns.
public enum TextIngestModule {}

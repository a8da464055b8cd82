/// The Inflate module. See DESIGN.md for what it owns.
public enum InflateModule {}

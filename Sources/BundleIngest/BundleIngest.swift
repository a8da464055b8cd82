/// The BundleIngest module. See DESIGN.md for what it owns.
public enum BundleIngestModule {}

/// The X509Inspect module. See DESIGN.md for what it owns.
public enum X509InspectModule {}

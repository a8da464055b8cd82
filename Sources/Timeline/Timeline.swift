/// The Timeline module. See DESIGN.md for what it owns.
public enum TimelineModule {}

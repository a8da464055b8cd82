/// The Reports module. See DESIGN.md for what it owns.
public enum ReportsModule {}

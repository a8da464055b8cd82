/// The Rules module. See DESIGN.md for what it owns.
public enum RulesModule {}

/// The StateEngine module. See DESIGN.md for what it owns.
public enum StateEngineModule {}

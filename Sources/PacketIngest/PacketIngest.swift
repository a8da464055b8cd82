/// The PacketIngest module. See DESIGN.md for what it owns.
public enum PacketIngestModule {}

import LicensingModel

/// A catalog file that cannot be read, with the place of the problem (`rules/messages/syslog.yaml:12:7`).
public typealias MessageCatalogError = PositionedError

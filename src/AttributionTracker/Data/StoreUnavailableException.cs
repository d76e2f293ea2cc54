namespace AttributionTracker.Data;

/// <summary>
/// The configured store cannot be used: no connection string, or a server that cannot be reached or refuses the
/// login. Its message is one line meant for whoever runs the program; hosts print it without a stack trace.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

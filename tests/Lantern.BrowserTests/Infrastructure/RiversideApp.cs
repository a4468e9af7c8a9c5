namespace Lantern.BrowserTests.Infrastructure;

/// <summary>The app with the demo organisation and default settings, shared by the whole run.</summary>
public sealed class RiversideApp : LanternProcess;

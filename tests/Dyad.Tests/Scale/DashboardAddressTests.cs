using Dyad.Cli.Commands;
using Xunit;

namespace Dyad.Tests.Scale;

/// <summary>`dyad dashboard --urls`: loopback addresses only, since the dashboard can delete and re-run jobs.</summary>
public sealed class DashboardAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5081")] // the default
    [InlineData("http://localhost:5081")]
    [InlineData("http://[::1]:5081")]
    [InlineData("http://127.0.0.2:8443")] // all of 127/8 is loopback
    public void Loopback_addresses_are_accepted(string address) => Assert.Null(DashboardCommand.Check([address]));

    [Theory]
    [InlineData("http://0.0.0.0:5081", "--urls: http://0.0.0.0:5081 is not a loopback address; the dashboard can change jobs and is served on this machine only (127.0.0.1, [::1] or localhost)")]
    [InlineData("http://192.168.1.5:5081", "--urls: http://192.168.1.5:5081 is not a loopback address; the dashboard can change jobs and is served on this machine only (127.0.0.1, [::1] or localhost)")]
    [InlineData("http://*:5081", "--urls: http://*:5081 is not an http:// or https:// address")]
    [InlineData("ftp://127.0.0.1", "--urls: ftp://127.0.0.1 is not an http:// or https:// address")]
    [InlineData("https://127.0.0.2:8443", "--urls: https://127.0.0.2:8443: https needs a server certificate, which is not set up here; use http:// on a loopback address")]
    public void Other_addresses_are_refused_with_the_reason(string address, string message) => Assert.Equal(message, DashboardCommand.Check([address]));

    [Fact]
    public void One_bad_address_among_good_ones_is_refused() =>
        Assert.Equal("--urls: http://10.0.0.1:80 is not a loopback address; the dashboard can change jobs and is served on this machine only (127.0.0.1, [::1] or localhost)",
            DashboardCommand.Check(["http://127.0.0.1:5081", "http://10.0.0.1:80"]));
}

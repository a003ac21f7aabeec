using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>A person is coded by the office held on the date; out of office, country + ELI with no role.</summary>
public class TimeBoundRoleTests
{
    private static string Resolve(string text, int year, int month, int day)
    {
        var m = ActorTestKit.Recognize(text, new DateOnly(year, month, day)).First(x => x.Kind == ActorKind.Person);
        return $"{m.Actor}/{m.Country} {m.Role ?? "-"}";
    }

    [Theory]
    [InlineData(1995, 6, 1, "RUSELI/RUS -")]
    [InlineData(1999, 9, 1, "RUSGOV/RUS Prime Minister of Russia")]
    [InlineData(2005, 6, 1, "RUSGOV/RUS President of Russia")]
    [InlineData(2010, 6, 1, "RUSGOV/RUS Prime Minister of Russia")]
    [InlineData(2023, 9, 13, "RUSGOV/RUS President of Russia")]
    public void Putin_through_his_offices(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Resolve("Vladimir Putin spoke.", year, month, day));

    [Theory]
    [InlineData(1961, 7, 6, "PRKGOV/PRK Premier of North Korea")]
    [InlineData(1980, 1, 1, "PRKGOV/PRK President of North Korea")]
    [InlineData(2023, 9, 13, "PRKELI/PRK -")]
    public void The_Kim_of_1961_is_not_the_Kim_of_2023(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Resolve("Kim Il-sung spoke.", year, month, day));

    [Theory]
    [InlineData(1985, 1, 1, "SUNGOV/SUN")]
    [InlineData(2000, 1, 1, "RUSGOV/RUS")]
    public void Moscow_speaks_for_the_state_of_its_time(int year, int month, int day, string expected)
    {
        var m = ActorTestKit.Recognize("Moscow protested.", new DateOnly(year, month, day)).Single();
        Assert.Equal(expected, $"{m.Actor}/{m.Country}");
    }

    [Fact]
    public void A_former_official_keeps_the_country_of_the_nearest_office()
    {
        // Andrei Gromyko was Soviet foreign minister, then head of state until 1988.
        Assert.Equal("SUNGOV/SUN Foreign Minister of the Soviet Union", Resolve("Andrei Gromyko spoke.", 1970, 1, 1));
        Assert.Equal("SUNGOV/SUN Chairman of the Presidium of the Supreme Soviet of the Soviet Union", Resolve("Andrei Gromyko spoke.", 1986, 1, 1));
        Assert.Equal("SUNELI/SUN -", Resolve("Andrei Gromyko spoke.", 1989, 1, 1));
        Assert.Equal("SUNELI/SUN -", Resolve("Andrei Gromyko spoke.", 1950, 1, 1));
    }

    [Fact]
    public void The_title_picks_among_office_holders_of_one_surname()
    {
        // Kim Jong-un and Kim Tok-hun (premier) both held office in 2022.
        var m = ActorTestKit.Recognize("Supreme Leader Kim inspected the site.", new DateOnly(2022, 3, 1)).Single();
        Assert.Equal(("Kim Jong-un", "Supreme Leader Kim"), (m.Name, m.Text));
        var premier = ActorTestKit.Recognize("Premier Kim inspected the site.", new DateOnly(2022, 3, 1)).Single();
        Assert.Equal("Kim Tok-hun", premier.Name);
    }
}

using static AttributionTracker.Tests.Import.Dates.DateFinding;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>Spanish date expressions, resolved against Monday 19 July 2021 unless a test says otherwise.</summary>
public sealed class SpanishDateTests
{
    [Theory]
    [InlineData("El ataque que paralizó en 2020 la red.", "en 2020 = 2020")]
    [InlineData("El grupo actúa desde 2019 contra Europa.", "2019 = 2019")]
    [InlineData("Las elecciones presidenciales de EE. UU. De 2020 fueron atacadas.", "2020 = 2020")]
    [InlineData("En el 2017 hubo otro ataque.", "En el 2017 = 2017")]
    [InlineData("La red cayó en marzo de 2021 por el ataque.", "en marzo de 2021 = 2021-03")]
    [InlineData("La red cayó en marzo del 2020 por el ataque.", "en marzo del 2020 = 2020-03")]
    [InlineData("El Gobierno lo anunció el 19 de julio de 2021 en Londres.", "el 19 de julio de 2021 = 2021-07-19")]
    [InlineData("El Gobierno lo anunció el 1º de julio de 2021 en Londres.", "el 1º de julio de 2021 = 2021-07-01")]
    [InlineData("El comunicado del 19/07/2021 lo confirma.", "el 19/07/2021 = 2021-07-19")]
    [InlineData("El comunicado con fecha 2021-07-19 lo confirma.", "2021-07-19 = 2021-07-19")]
    [InlineData("El ciberataque, el lunes 19 de julio de 2021, fue grave.", "el lunes 19 de julio de 2021 = 2021-07-19")]
    public void Finds_absolute_dates_at_the_precision_written(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "es"));
    }

    [Theory]
    [InlineData("A principios de marzo, Microsoft lanzó un parche.", "A principios de marzo = early 2021-03 (relative)")]
    [InlineData("Lo hizo a mediados de 2020.", "a mediados de 2020 = mid 2020")]
    [InlineData("Lo reconoció a finales de marzo.", "a finales de marzo = late 2021-03 (relative)")]
    [InlineData("No lo había hecho a fines de marzo, según Microsoft.", "a fines de marzo = late 2021-03 (relative)")]
    [InlineData("Ocurrió a comienzos de abril de 2019.", "a comienzos de abril de 2019 = early 2019-04")]
    [InlineData("Ocurrió a primeros de mayo.", "a primeros de mayo = early 2021-05 (relative)")]
    [InlineData("El informe llegará a fin de año.", "a fin de año = late 2021 (relative)")]
    [InlineData("Corrigió la vulnerabilidad a finales de 2022 y calló.", "a finales de 2022 = late 2022")]
    [InlineData("Corrigió la vulnerabilidad a finales del año 2019 y calló.", "a finales del año 2019 = late 2019")]
    [InlineData("Corrigió la vulnerabilidad al final de marzo.", "al final de marzo = late 2021-03 (relative)")]
    [InlineData("Atacaron a principios de este año los servidores.", "a principios de este año = early 2021 (relative)")]
    [InlineData("Atacaron a finales del año pasado los servidores.", "a finales del año pasado = late 2020 (relative)")]
    [InlineData("A finales de agosto del año pasado, accedieron a la red.", "A finales de agosto del año pasado = late 2020-08 (relative)")]
    public void Finds_the_early_mid_and_late_parts_of_years_and_months(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "es"));
    }

    [Theory]
    [InlineData("Lo dijo este año el ministro.", "este año = 2021 (relative)")]
    [InlineData("El año pasado, Microsoft acusó a los piratas.", "El año pasado = 2020 (relative)")]
    [InlineData("Lo denunció el pasado año la UE.", "el pasado año = 2020 (relative)")]
    [InlineData("Lo denunció el mes pasado la UE.", "el mes pasado = 2021-06 (relative)")]
    [InlineData("Lo denunció este mes la UE.", "este mes = 2021-07 (relative)")]
    [InlineData("Lo denunciará el año que viene la UE.", "el año que viene = 2022 (relative)")]
    [InlineData("Dijo en un anuncio publicado el lunes.", "el lunes = 2021-07-19 (relative)")]
    [InlineData("Acusaron el pasado martes a China.", "el pasado martes = 2021-07-13 (relative)")]
    [InlineData("Acusaron el martes pasado a China.", "el martes pasado = 2021-07-13 (relative)")]
    [InlineData("Peskov dijo este miércoles que no.", "este miércoles = 2021-07-14 (relative)")]
    [InlineData("Lo anunció ayer el ministerio.", "ayer = 2021-07-18 (relative)")]
    [InlineData("Lo anunció hoy el ministerio.", "hoy = 2021-07-19 (relative)")]
    [InlineData("El ataque empezó hace dos años.", "hace dos años = 2019 (relative)")]
    [InlineData("El ataque empezó hace tres meses.", "hace tres meses = 2021-04 (relative)")]
    [InlineData("Li Qiang visitó Australia hace apenas un mes.", "hace apenas un mes = 2021-06 (relative)")]
    [InlineData("El ataque que sufrió en marzo fue grave.", "en marzo = 2021-03 (relative)")]
    [InlineData("El ataque que sufrió en el mes de mayo fue grave.", "en el mes de mayo = 2021-05 (relative)")]
    [InlineData("Lo hicieron el 19 de julio en Londres.", "el 19 de julio = 2021-07-19 (relative)")]
    [InlineData("Lo hicieron el 20 de julio en Londres.", "el 20 de julio = 2020-07-20 (relative)")]
    [InlineData("Las tropas cruzaron la frontera el pasado 24 de febrero.", "el pasado 24 de febrero = 2021-02-24 (relative)")]
    [InlineData("Lo detectaron el pasado mes de marzo.", "el pasado mes de marzo = 2021-03 (relative)")]
    [InlineData("Lo detectaron en julio de este año.", "en julio de este año = 2021-07 (relative)")]
    [InlineData("Lo detectaron en agosto del año pasado.", "en agosto del año pasado = 2020-08 (relative)")]
    public void Resolves_relative_expressions_against_the_article_date(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "es"));
    }

    [Theory]
    [InlineData("Hoy en día nadie lo duda.")]
    [InlineData("Los lunes se revisan los registros.")]
    [InlineData("Cada martes se revisan los registros.")]
    [InlineData("Los Juegos de Tokio 2020 fueron el objetivo.")]
    public void Ignores_words_that_only_look_like_dates(string text)
    {
        Assert.Empty(Find(text, "es"));
    }

    [Fact]
    public void Reads_the_seed_article_sentences()
    {
        const string text =
            "Gran Bretaña se ha unido a Estados Unidos para acusar a los grupos chinos de la explotación de unos 250.000 " +
            "servidores Microsoft Exchange en todo el mundo a principios de este año.\n\n" +
            "El secretario dijo que el ciberataque equivalía a \"un patrón de comportamiento imprudente\", en un anuncio publicado el lunes.\n\n" +
            "El año pasado, Microsoft acusó a los piratas informáticos de intentar espiar las campañas de EE. UU. De 2020.\n\n" +
            "El anuncio del lunes marca una atribución formal. El 8% de las empresas no lo había hecho a fines de marzo.";

        Assert.Equal(
            [
                "a principios de este año = early 2021 (relative)",
                "el lunes = 2021-07-19 (relative)",
                "El año pasado = 2020 (relative)",
                "2020 = 2020",
                "el lunes = 2021-07-19 (relative)",
                "a fines de marzo = late 2021-03 (relative)",
            ],
            Describe(text, "es"));
    }

    [Fact]
    public void Joined_years_and_months_share_their_context()
    {
        Assert.Equal(
            ["abril = 2015-04", "mayo de 2015 = 2015-05", "2015 = 2015", "2016 = 2016", "2019 = 2019", "2021 = 2021"],
            Describe("Atacaron la Cámara entre abril y mayo de 2015; los apagones de 2015 y 2016; de 2019 a 2021.", "es"));
    }
}

using System.Text.RegularExpressions;

namespace Platform.DataPlane.Admission;

/// <summary>
/// Candidate patterns for <see cref="PiiRedactor"/>. They are deliberately loose; each candidate is
/// then validated (Luhn, mod-97, SSN/NI/DNI rules, phone shape) so ordinary numbers survive.
/// </summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9\-])", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    /// <summary>Country code, check digits, then the BBAN compact or in groups of four.</summary>
    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant)]
    public static partial Regex Iban();

    /// <summary>13–19 digits, single spaces or dashes between them; not after <c>+</c> (a phone number).</summary>
    [GeneratedRegex(@"(?<![0-9+\-.])[0-9](?:[ \-]?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex Card();

    /// <summary>US Social Security number, <c>ddd-dd-dddd</c>.</summary>
    [GeneratedRegex(@"(?<![0-9\-])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![0-9\-])", RegexOptions.CultureInvariant)]
    public static partial Regex UsSsn();

    /// <summary>UK National Insurance number, e.g. <c>QQ 12 34 56 C</c>.</summary>
    [GeneratedRegex(@"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b", RegexOptions.CultureInvariant)]
    public static partial Regex UkNino();

    /// <summary>Spanish DNI, eight digits and a check letter.</summary>
    [GeneratedRegex(@"\b([0-9]{8})-?([A-Z])\b", RegexOptions.CultureInvariant)]
    public static partial Regex SpanishDni();

    /// <summary>A run of digits with phone separators, optionally after <c>+</c> or <c>(</c>.</summary>
    [GeneratedRegex(@"(?<![\w+.\-/])(?:\+|\()?[0-9][0-9 ().\-]{6,24}[0-9](?![\w\-/]|\.[0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex Phone();

    /// <summary>US national format with separators: <c>(555) 123-4567</c>, <c>555-123-4567</c>, <c>555.123.4567</c>.</summary>
    [GeneratedRegex(@"^(?:\([0-9]{3}\) ?|[0-9]{3}[ .\-])[0-9]{3}[ .\-][0-9]{4}$", RegexOptions.CultureInvariant)]
    public static partial Regex UsPhoneShape();
}

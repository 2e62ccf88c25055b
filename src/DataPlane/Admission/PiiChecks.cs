namespace Platform.DataPlane.Admission;

/// <summary>The checksums and rules that turn a pattern match into a finding.</summary>
internal static class PiiChecks
{
    /// <summary>Luhn (ISO/IEC 7812) over the digits, 13–19 of them.</summary>
    public static bool IsCard(ReadOnlySpan<char> candidate)
    {
        int sum = 0, digits = 0;
        for (var index = candidate.Length - 1; index >= 0; index--)
        {
            var ch = candidate[index];
            if (!char.IsAsciiDigit(ch))
            {
                continue;
            }

            var value = ch - '0';
            if (digits % 2 == 1)
            {
                value *= 2;
                if (value > 9)
                {
                    value -= 9;
                }
            }

            sum += value;
            digits++;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    /// <summary>ISO 13616: 15–34 characters, first four moved to the end, letters as 10–35, mod 97 = 1.</summary>
    public static bool IsIban(ReadOnlySpan<char> candidate)
    {
        Span<char> compact = stackalloc char[40];
        var length = 0;
        foreach (var ch in candidate)
        {
            if (ch == ' ')
            {
                continue;
            }

            if (length == compact.Length)
            {
                return false;
            }

            compact[length++] = ch;
        }

        if (length is < 15 or > 34)
        {
            return false;
        }

        var remainder = 0;
        for (var index = 0; index < length; index++)
        {
            var ch = compact[(index + 4) % length];
            if (char.IsAsciiDigit(ch))
            {
                remainder = ((remainder * 10) + (ch - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(ch))
            {
                remainder = ((remainder * 100) + (ch - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>SSA rules: no area 000, 666 or 9xx, no group 00, no serial 0000.</summary>
    public static bool IsUsSsn(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial) =>
        area is not "000" and not "666" && area[0] != '9' && group is not "00" && serial is not "0000";

    /// <summary>HMRC: the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued.</summary>
    public static bool IsUkNino(ReadOnlySpan<char> prefix) =>
        prefix is not "BG" and not "GB" and not "KN" and not "NK" and not "NT" and not "TN" and not "ZZ";

    /// <summary>The DNI letter is the number mod 23 looked up in a fixed table.</summary>
    public static bool IsSpanishDni(ReadOnlySpan<char> number, char letter) =>
        int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && "TRWAGMYFPDXBNJZSQVHLCKE"[value % 23] == letter;

    /// <summary>
    /// 9–15 digits, and a phone's shape: international (<c>+</c> or <c>00</c> + country code), a
    /// national number with a trunk <c>0</c> or an area code in parentheses, or the US
    /// <c>ddd-ddd-dddd</c> shape with separators. A bare digit run (an order number), a date or a
    /// dotted version does not qualify.
    /// </summary>
    public static bool IsPhone(ReadOnlySpan<char> candidate)
    {
        var digits = 0;
        var previousSeparator = false;
        foreach (var ch in candidate)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits++;
                previousSeparator = false;
            }
            else if (ch is ' ' or '-' or '.')
            {
                if (previousSeparator)
                {
                    return false;
                }

                previousSeparator = true;
            }
        }

        if (digits is < 9 or > 15)
        {
            return false;
        }

        if (candidate[0] == '+' || (candidate.StartsWith("00") && candidate.Length > 2 && candidate[2] != '0'))
        {
            return true;
        }

        var dotted = candidate.Contains('.');
        if (candidate[0] == '(' || (candidate[0] == '0' && candidate[1] != '0' && !dotted))
        {
            return true;
        }

        return PiiPatterns.UsPhoneShape().IsMatch(candidate);
    }
}

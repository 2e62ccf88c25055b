using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Admission;

/// <summary>
/// Replaces personal data in the text parts of a call's messages with typed placeholders:
/// <c>[EMAIL]</c>, <c>[IBAN]</c> (mod-97), <c>[CARD]</c> (13–19 digits, Luhn), <c>[NATIONAL_ID]</c>
/// (US SSN, UK National Insurance number, Spanish DNI with its check letter) and <c>[PHONE]</c>
/// (international and common national formats, 9–15 digits). The passes run in that order so a
/// longer, validated kind claims its digits before the looser phone pattern sees them; the
/// placeholders hold no digits, so a later pass never matches inside one.
/// </summary>
internal static class PiiRedactor
{
    public const string Email = "[EMAIL]";
    public const string Phone = "[PHONE]";
    public const string Card = "[CARD]";
    public const string Iban = "[IBAN]";
    public const string NationalId = "[NATIONAL_ID]";

    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789@");

    private delegate bool Validator(ValueMatch match, ReadOnlySpan<char> text);

    /// <summary>The request with every text part redacted (the same instance when nothing was found).</summary>
    public static ChatRequest Redact(ChatRequest request, out int count)
    {
        ArgumentNullException.ThrowIfNull(request);
        count = 0;
        ChatMessage[]? messages = null;
        for (var index = 0; index < request.Messages.Count; index++)
        {
            var message = request.Messages[index];
            var redacted = Redact(message, ref count);
            if (!ReferenceEquals(redacted, message))
            {
                messages ??= [.. request.Messages];
                messages[index] = redacted;
            }
        }

        return messages is null ? request : request with { Messages = messages };
    }

    /// <summary><paramref name="text"/> with personal data replaced; <paramref name="count"/> findings.</summary>
    public static string Redact(string text, out int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        count = 0;
        return RedactText(text, ref count);
    }

    private static ChatMessage Redact(ChatMessage message, ref int count)
    {
        ContentPart[]? parts = null;
        for (var index = 0; index < message.Content.Count; index++)
        {
            var part = message.Content[index];
            if (part.Kind != ContentPartKind.Text)
            {
                continue;
            }

            var text = RedactText(part.Value, ref count);
            if (!ReferenceEquals(text, part.Value))
            {
                parts ??= [.. message.Content];
                parts[index] = part with { Value = text };
            }
        }

        return parts is null ? message : message with { Content = parts };
    }

    private static string RedactText(string text, ref int count)
    {
        if (text.AsSpan().IndexOfAny(Triggers) < 0)
        {
            return text;
        }

        text = Replace(text, PiiPatterns.Email(), static (_, _) => true, Email, ref count);
        text = Replace(text, PiiPatterns.Iban(), static (m, t) => PiiChecks.IsIban(t.Slice(m.Index, m.Length)), Iban, ref count);
        text = Replace(text, PiiPatterns.Card(), static (m, t) => PiiChecks.IsCard(t.Slice(m.Index, m.Length)), Card, ref count);
        text = Replace(text, PiiPatterns.UsSsn(), static (m, t) => IsSsn(t.Slice(m.Index, m.Length)), NationalId, ref count);
        text = Replace(text, PiiPatterns.UkNino(), static (m, t) => PiiChecks.IsUkNino(t.Slice(m.Index, 2)), NationalId, ref count);
        text = Replace(text, PiiPatterns.SpanishDni(), static (m, t) => IsDni(t.Slice(m.Index, m.Length)), NationalId, ref count);
        return Replace(text, PiiPatterns.Phone(), static (m, t) => PiiChecks.IsPhone(t.Slice(m.Index, m.Length)), Phone, ref count);
    }

    private static bool IsSsn(ReadOnlySpan<char> ssn) => PiiChecks.IsUsSsn(ssn[..3], ssn.Slice(4, 2), ssn.Slice(7, 4));

    private static bool IsDni(ReadOnlySpan<char> dni) => PiiChecks.IsSpanishDni(dni[..8], dni[^1]);

    /// <summary>Enumerates matches without allocating; builds a new string only once one validates.</summary>
    private static string Replace(string text, Regex pattern, Validator valid, string placeholder, ref int count)
    {
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var match in pattern.EnumerateMatches(text))
        {
            if (!valid(match, text))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, match.Index - copied).Append(placeholder);
            copied = match.Index + match.Length;
            count++;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }
}

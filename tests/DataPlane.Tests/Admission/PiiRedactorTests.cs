using Platform.DataPlane.Admission;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Tests.Admission;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("Mail jane.doe+tickets@example.co.uk today", "Mail [EMAIL] today")]
    [InlineData("Call +44 20 7946 0958 now", "Call [PHONE] now")]
    [InlineData("Call +1 (555) 123-4567 now", "Call [PHONE] now")]
    [InlineData("Call 0049 30 901820 now", "Call [PHONE] now")]
    [InlineData("Call 020 7946 0958 now", "Call [PHONE] now")]
    [InlineData("Call 07700900123 now", "Call [PHONE] now")]
    [InlineData("Call (555) 123-4567 now", "Call [PHONE] now")]
    [InlineData("Call 555-123-4567 now", "Call [PHONE] now")]
    [InlineData("Card 4111 1111 1111 1111 exp", "Card [CARD] exp")]
    [InlineData("Card 4111-1111-1111-1111 exp", "Card [CARD] exp")]
    [InlineData("Card 378282246310005 exp", "Card [CARD] exp")]
    [InlineData("Pay DE89 3704 0044 0532 0130 00 please", "Pay [IBAN] please")]
    [InlineData("Pay GB82WEST12345698765432 please", "Pay [IBAN] please")]
    [InlineData("SSN 123-45-6789 on file", "SSN [NATIONAL_ID] on file")]
    [InlineData("NI CE 12 34 56 A on file", "NI [NATIONAL_ID] on file")]
    [InlineData("NI AB123456D on file", "NI [NATIONAL_ID] on file")]
    [InlineData("DNI 12345678Z on file", "DNI [NATIONAL_ID] on file")]
    public void Redact_EachKind_TypedPlaceholder(string text, string expected)
    {
        var redacted = PiiRedactor.Redact(text, out var count);

        Assert.Equal(expected, redacted);
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData("Card 4111 1111 1111 1112 exp")] // Luhn fails
    [InlineData("Pay DE88 3704 0044 0532 0130 00 please")] // mod-97 fails
    [InlineData("Pay GB82WEST12345698765433 please")] // mod-97 fails
    [InlineData("SSN 000-45-6789 is not issued")]
    [InlineData("SSN 666-45-6789 is not issued")]
    [InlineData("NI GB 12 34 56 C is not issued")]
    [InlineData("DNI 12345678A has the wrong letter")]
    public void Redact_ChecksumOrRuleFails_Unchanged(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text, out var count));
        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData("Order 123456789 shipped")]
    [InlineData("Order #1234567890 shipped on 2024-01-15")]
    [InlineData("Order 4111111111111112 shipped")]
    [InlineData("Meeting at 2024-01-15 10:30, room 12")]
    [InlineData("Dated 15.01.2024 and 01/02/2024")]
    [InlineData("Upgrade to version 10.0.19045.3803 or 1.2.3")]
    [InlineData("Invoice INV-2024-000123, total 1,234,567.89 EUR")]
    [InlineData("Tracking 1Z999AA10123456784 and SKU 12 34 56 78 90")]
    [InlineData("Items 100 200 300 400 500")]
    [InlineData("Build 20240115.1234567 passed")]
    [InlineData("No digits or at-signs here")]
    public void Redact_OrdinaryNumbers_Unchanged(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text, out var count));
        Assert.Equal(0, count);
    }

    [Fact]
    public void Redact_SeveralKinds_CountsEach()
    {
        var text = "a@b.io, +33 6 12 34 56 78, 5555 5555 5555 4444, 123-45-6789";

        var redacted = PiiRedactor.Redact(text, out var count);

        Assert.Equal("[EMAIL], [PHONE], [CARD], [NATIONAL_ID]", redacted);
        Assert.Equal(4, count);
    }

    [Fact]
    public void Redact_Request_OnlyTextPartsChangedAndSameInstanceWhenClean()
    {
        var image = new ContentPart(ContentPartKind.ImageUrl, "https://x/a@b.com/1234567890123.png");
        var request = new ChatRequest
        {
            Model = "m",
            Messages =
            [
                new ChatMessage { Role = ChatRole.System, Content = [ContentPart.FromText("Be nice.")] },
                new ChatMessage { Role = ChatRole.User, Content = [ContentPart.FromText("I am jo@x.org"), image] },
            ],
        };

        var redacted = PiiRedactor.Redact(request, out var count);
        var clean = new ChatRequest { Model = "m", Messages = [request.Messages[0]] };

        Assert.Equal(1, count);
        Assert.Equal("I am [EMAIL]", redacted.Messages[1].Content[0].Value);
        Assert.Same(image, redacted.Messages[1].Content[1]);
        Assert.Same(request.Messages[0], redacted.Messages[0]);
        Assert.Equal("I am jo@x.org", request.Messages[1].Content[0].Value);
        Assert.Same(clean, PiiRedactor.Redact(clean, out var none));
        Assert.Equal(0, none);
    }
}

using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class MemberReader
{
    private const int MinimumPasswordLength = 8;

    public static MemberConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "member", "email", "role", "password");
        if (map is null)
        {
            return null;
        }

        var email = map.String("email", required: true);
        if (email is not null && !Rules.IsEmail(email))
        {
            map.Error("email", $"'{email}' is not an email address");
            email = null;
        }

        var role = map.Enum("role", ConfigVocabulary.Roles, required: true);
        var password = map.String("password");
        if (password is { Length: < MinimumPasswordLength })
        {
            map.Error("password", $"the password of '{email}' must be at least {MinimumPasswordLength} characters long");
        }

        var member = new MemberConfig { Email = email ?? "", Role = role ?? default, Password = password, Location = map.Location };
        return email is not null && role is not null && names.Declare("member", email, map["email"]!, StringComparer.OrdinalIgnoreCase)
            ? member
            : null;
    }
}

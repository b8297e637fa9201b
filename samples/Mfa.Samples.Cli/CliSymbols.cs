using System.CommandLine;
using System.CommandLine.Parsing;
using Mfa.Samples.Data;

namespace Mfa.Samples.Cli;

/// <summary>Arguments and options several commands share, with their validation.</summary>
internal static class CliSymbols
{
    /// <summary>A user, given by e-mail address.</summary>
    public static Argument<string> User(string name = "USER", string description = "The user's e-mail address.")
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result => ValidateEmail(result, result.GetValueOrDefault<string>(), name));
        return argument;
    }

    /// <summary><c>--actor USER</c>: who acts (the engine checks they may).</summary>
    public static Option<string> Actor(string description)
    {
        var option = new Option<string>("--actor") { Description = description, HelpName = "USER", Required = true };
        option.Validators.Add(result => ValidateEmail(result, result.GetValueOrDefault<string>(), "--actor"));
        return option;
    }

    /// <summary>An organization id such as <c>acme</c>.</summary>
    public static Argument<string> Organization() => new("ORG") { Description = "The organization, e.g. acme." };

    /// <summary>An <c>on|off</c> switch that may be left out.</summary>
    public static Option<string?> OnOff(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "on|off" };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary>Reads an <see cref="OnOff"/> option: <see langword="null"/> when it was not given.</summary>
    public static bool? GetOnOff(this ParseResult parsed, Option<string?> option) => parsed.GetValue(option) switch
    {
        "on" => true,
        "off" => false,
        _ => null,
    };

    /// <summary>The engine's user id for an e-mail address: the sample keys users by lower-case e-mail.</summary>
    public static string UserId(this ParseResult parsed, Argument<string> user) => SampleUserAccounts.Normalize(parsed.GetRequiredValue(user));

    /// <summary>As <see cref="UserId(ParseResult, Argument{string})"/>, for an option.</summary>
    public static string UserId(this ParseResult parsed, Option<string> user) => SampleUserAccounts.Normalize(parsed.GetRequiredValue(user));

    private static void ValidateEmail(SymbolResult result, string? value, string name)
    {
        var trimmed = value?.Trim() ?? "";
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
        {
            result.AddError($"{name} must be an e-mail address, e.g. alice@acme.test.");
        }
    }
}

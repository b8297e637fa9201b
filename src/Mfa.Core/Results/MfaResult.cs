using System.Diagnostics.CodeAnalysis;

namespace Mfa;

/// <summary>The outcome of an operation that returns no value: success, or an <see cref="MfaError"/>.</summary>
public class MfaResult
{
    private static readonly MfaResult SuccessResult = new(null);

    /// <summary>Creates a result; <paramref name="error"/> is <see langword="null"/> for success.</summary>
    protected MfaResult(MfaError? error) => Error = error;

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The failure, when <see cref="Succeeded"/> is <see langword="false"/>.</summary>
    public MfaError? Error { get; }

    /// <summary>A successful result.</summary>
    public static MfaResult Success() => SuccessResult;

    /// <summary>A failed result.</summary>
    public static MfaResult Failure(MfaError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Succeeded" : $"Failed: {Error.Code}";
}

/// <summary>The outcome of an operation that returns a <typeparamref name="T"/> on success.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class MfaResult<T> : MfaResult
{
    private readonly T? _value;

    private MfaResult(T value) : base(null) => _value = value;

    private MfaResult(MfaError error) : base(error) { }

    /// <summary>The value; throws when the result is a failure.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; check <see cref="MfaResult.Succeeded"/> first.</exception>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException($"The operation failed with '{Error.Code}'; check Succeeded before reading Value.");

    /// <summary>A successful result carrying <paramref name="value"/>.</summary>
    public static MfaResult<T> Success(T value) => new(value);

    /// <summary>A failed result.</summary>
    public static new MfaResult<T> Failure(MfaError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Lifts an error into a typed result.</summary>
    public static implicit operator MfaResult<T>(MfaError error) => Failure(error);
}

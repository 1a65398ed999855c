namespace DytePS.Client
{
    /// <summary>What went wrong with a call, independent of the HTTP details.</summary>
    public enum DyteErrorKind
    {
        /// <summary>The service answered with a non-success HTTP status.</summary>
        HttpStatus,
        /// <summary>An attempt took longer than the configured timeout.</summary>
        Timeout,
        /// <summary>The connection failed or was dropped before a complete response arrived.</summary>
        Network,
        /// <summary>The service answered 2xx with a body that is not the documented JSON.</summary>
        InvalidResponse,
        /// <summary>The connection's backend has no such feature (checked before anything is sent).</summary>
        NotSupported,
        /// <summary>The answer was larger than <see cref="DyteClientOptions.MaxResponseSize"/> once decompressed.</summary>
        ResponseTooLarge,
    }
}

namespace DiffGen.Generator.Helpers;

/// <summary>A string hash that is the same in every process and build (string.GetHashCode is randomised).</summary>
internal static class StableHash
{
    /// <summary>32-bit FNV-1a of the UTF-16 code units, as eight hex digits.</summary>
    public static string Of(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash.ToString("x8");
    }
}

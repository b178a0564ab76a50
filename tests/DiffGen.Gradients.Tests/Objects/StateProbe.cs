using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DiffGen.Optimizers;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// The differentiable state of a model object found by reflection, independently of the generator:
/// every element of its double/float fields and auto-properties, arrays of them and Parameter&lt;T&gt;
/// data, in declaration order, skipping [NoDerivative] members. Reads and writes elements by flat index,
/// and reads the same members of a generated Tangent (or a Parameter's Grad) as one flat vector.
/// </summary>
internal sealed class StateProbe
{
    private readonly List<(string Name, Func<object, object?> Get, Action<object, object?> Set, Type Type)> _members = new();

    public StateProbe(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.MetadataToken))
        {
            var property = field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
                ? type.GetProperty(field.Name.Substring(1, field.Name.IndexOf('>') - 1), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                : null;
            MemberInfo declared = (MemberInfo?)property ?? field;
            if (declared.GetCustomAttribute<NoDerivativeAttribute>() is not null) continue;
            var t = field.FieldType;
            if (t.GetNestedType("Tangent") is not null && t != type)
            {
                // A nested differentiable object: its members, through it.
                var nested = new StateProbe(t);
                foreach (var inner in nested._members)
                    _members.Add((declared.Name + "." + inner.Name, m => inner.Get(field.GetValue(m)!), (m, v) => inner.Set(field.GetValue(m)!, v), inner.Type));
                continue;
            }
            if (t == typeof(System.Numerics.Vector3))
            {
                // A vector member: its components, through it (a struct, so written back whole).
                foreach (var component in new[] { "X", "Y", "Z" })
                {
                    var part = t.GetField(component)!;
                    _members.Add((declared.Name + "." + component, m => part.GetValue(field.GetValue(m)), (m, v) =>
                    {
                        object vector = field.GetValue(m)!;
                        part.SetValue(vector, v);
                        field.SetValue(m, vector);
                    }, typeof(float)));
                }
                continue;
            }
            if (t != typeof(double) && t != typeof(float) && t != typeof(double[]) && t != typeof(float[]) && t != typeof(Parameter<double>) && t != typeof(Parameter<float>)) continue;
            _members.Add((declared.Name, field.GetValue, field.SetValue, t));
        }
    }

    public IReadOnlyList<string> Names => _members.Select(m => m.Name).ToList();

    /// <summary>The state's elements, flattened, as doubles.</summary>
    public double[] Read(object model) => _members.SelectMany(m => Elements(m.Get(model))).ToArray();

    /// <summary>Sets flat element <paramref name="index"/> (boxed structs: pass the box and read it back).</summary>
    public void Write(object model, int index, double value)
    {
        foreach (var member in _members)
        {
            object? current = member.Get(model);
            int count = Elements(current).Count();
            if (index >= count) { index -= count; continue; }
            switch (current)
            {
                case double: member.Set(model, value); break;
                case float: member.Set(model, (float)value); break;
                case double[] d: d[index] = value; break;
                case float[] f: f[index] = (float)value; break;
                case Parameter<double> p: p.Data[index] = value; break;
                case Parameter<float> p: p.Data[index] = (float)value; break;
            }
            return;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>
    /// A derivative of the state, flattened like <see cref="Read"/>: each member from the tangent's member
    /// of the same name, or from the model's Parameter.Grad where <paramref name="parameterGrads"/> is set.
    /// </summary>
    public double[] ReadDerivative(object model, object? tangent, bool parameterGrads)
    {
        var values = new List<double>();
        foreach (var member in _members)
        {
            if (parameterGrads && member.Get(model) is Parameter<double> pd) { values.AddRange(pd.Grad); continue; }
            if (parameterGrads && member.Get(model) is Parameter<float> pf) { values.AddRange(pf.Grad.Select(v => (double)v)); continue; }
            values.AddRange(Elements(TangentMember(tangent!, member.Name)));
        }
        return values.ToArray();
    }

    /// <summary>Writes a flat direction into a tangent's members of the same names.</summary>
    public void WriteDirection(object tangent, double[] direction)
    {
        int offset = 0;
        foreach (var member in _members)
        {
            int dot = member.Name.LastIndexOf('.');
            object owner = dot < 0 ? tangent : TangentMember(tangent, member.Name.Substring(0, dot))!;
            var field = owner.GetType().GetField(member.Name.Substring(dot + 1))!;
            switch (field.GetValue(owner))
            {
                case double: field.SetValue(owner, direction[offset++]); break;
                case float: field.SetValue(owner, (float)direction[offset++]); break;
                case double[] d: for (int i = 0; i < d.Length; i++) d[i] = direction[offset++]; break;
                case float[] f: for (int i = 0; i < f.Length; i++) f[i] = (float)direction[offset++]; break;
            }
        }
    }

    /// <summary>A tangent's member by dotted path (nested tangents are objects).</summary>
    private static object? TangentMember(object tangent, string path)
    {
        object? current = tangent;
        foreach (var step in path.Split('.'))
            current = current!.GetType().GetField(step)?.GetValue(current) ?? throw new InvalidOperationException("Tangent has no member " + path);
        return current;
    }

    private static IEnumerable<double> Elements(object? value) => value switch
    {
        double d => new[] { d },
        float f => new[] { (double)f },
        double[] a => a,
        float[] a => a.Select(v => (double)v),
        Parameter<double> p => p.Data,
        Parameter<float> p => p.Data.Select(v => (double)v),
        _ => Array.Empty<double>(),
    };
}

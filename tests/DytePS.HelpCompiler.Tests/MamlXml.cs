using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using DytePS.HelpCompiler.Writing;

namespace DytePS.HelpCompiler.Tests;

/// <summary>Compiled MAML, queried with XPath by the prefixes Get-Help's own files use (msh for helpItems).</summary>
internal sealed class MamlXml
{
    private readonly XmlNamespaceManager _namespaces = new(new NameTable());

    public MamlXml(string xml)
    {
        Text = xml;
        Document = XDocument.Parse(xml); // throws if the writer ever produced malformed XML
        _namespaces.AddNamespace("msh", MamlWriter.Msh.NamespaceName);
        _namespaces.AddNamespace("maml", MamlWriter.Maml.NamespaceName);
        _namespaces.AddNamespace("command", MamlWriter.Command.NamespaceName);
        _namespaces.AddNamespace("dev", MamlWriter.Dev.NamespaceName);
    }

    public string Text { get; }

    public XDocument Document { get; }

    public IReadOnlyList<XElement> Elements(string xpath, XNode? from = null) =>
        (from ?? Document).XPathSelectElements(xpath, _namespaces).ToList();

    public XElement Single(string xpath, XNode? from = null) => Assert.Single(Elements(xpath, from));

    public string Value(string xpath, XNode? from = null) => Single(xpath, from).Value;

    public IReadOnlyList<string> Values(string xpath, XNode? from = null) => Elements(xpath, from).Select(e => e.Value).ToList();

    /// <summary>The local names of an element's children, in order (to check the element order platyPS writes).</summary>
    public static IReadOnlyList<string> ChildNames(XElement element) =>
        element.Elements().Select(e => e.GetPrefixOfNamespace(e.Name.Namespace) + ":" + e.Name.LocalName).ToList();

    /// <summary>All attributes of an element as name=value, in order.</summary>
    public static IReadOnlyList<string> Attributes(XElement element) =>
        element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $"{a.Name.LocalName}={a.Value}").ToList();
}

@{
    RootModule        = 'EmptyModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '5b7c0a52-2f7e-4f0e-9a3b-1c2d3e4f5a6b'
    CmdletsToExport   = @('Get-Nothing')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}

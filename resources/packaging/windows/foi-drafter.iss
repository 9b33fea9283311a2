; Per-user Windows installer for FOI Response Drafter (Inno Setup 6). No administrator rights needed.
;
; Build (on Windows, after `make dist` has produced dist\foi-drafter\ there):
;   iscc resources\packaging\windows\foi-drafter.iss
; The version comes from the bundled program's version resource, which the PyInstaller recipe
; stamps from pyproject.toml; pass /DAppVersion=X.Y.Z to override.
;
; Signing (certificate supplied by the organisation; see docs/deploying.md):
;   1. sign the programs:  signtool sign /fd SHA256 /td SHA256 /tr <timestamp URL> /sha1 <thumbprint>
;                            dist\foi-drafter\foi-drafter.exe dist\foi-drafter\foi-drafter-gui.exe
;   2. build and sign the installer and uninstaller:
;      iscc /DSign "/Sfoisign=signtool sign /fd SHA256 /td SHA256 /tr <timestamp URL> /sha1 <thumbprint> $f"
;           resources\packaging\windows\foi-drafter.iss
;
; Silent install and removal (for Intune, SCCM or a logon script):
;   foi-drafter-X.Y.Z-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER [/DIR="..."] [/LOG="..."]
;   "%LOCALAPPDATA%\Programs\FOI Response Drafter\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART

#define Root "..\..\.."
#define Bundle Root + "\dist\foi-drafter"
#define AppName "FOI Response Drafter"
#define GuiExe "foi-drafter-gui.exe"
#define CliExe "foi-drafter.exe"
#define ProgId "FOIDrafter.Case"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(Bundle + "\" + GuiExe)
#endif

[Setup]
AppId={{181D0991-F068-4B0D-BB1C-8FD98240438D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=FOI Response Drafter team
VersionInfoVersion={#AppVersion}
; Per user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile={#Root}\LICENSE
SetupIconFile={#Root}\resources\icons\foi-drafter.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=foi-drafter-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=foisign
SignedUninstaller=yes
#endif

[Files]
Source: "{#Bundle}\{#GuiExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "{#Root}\docs\CHANGELOG.md"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Root}\docs\organisation-settings.md"; DestDir: "{app}\docs"; Flags: ignoreversion
Source: "{#Root}\docs\organisation-settings.example.json"; DestDir: "{app}\docs"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Draft Freedom of Information responses"
Name: "{autoprograms}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
; .foicase files (YAML case files) open in the app; .yaml and .yml gain an "Open with" entry only.
Root: HKA; Subkey: "Software\Classes\.foicase"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.foicase"; ValueType: string; ValueName: "Content Type"; ValueData: "application/yaml"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.foicase\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "FOI case file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".foicase"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

namespace Euterpe.Host;

public enum ComponentEditKind
{
    BeginEdit,
    PerformEdit,
    EndEdit,
    RestartComponent,
}

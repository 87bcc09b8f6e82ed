namespace Euterpe.Core.Generation;

/// <summary>
/// A model that produces notes one step at a time: each note family's one generator, which `generate`, `render` and
/// the instrument's worker all step (the worker only sees note events and a clock). Steps must not allocate.
/// </summary>
public interface INoteGenerator : IDisposable
{
    /// <summary>Unit of <see cref="Time"/> and of the events' times.</summary>
    ModelTimeUnit TimeUnit { get; }

    /// <summary>The most events one <see cref="Step"/> writes (the worker sizes its buffer by it when the model loads).</summary>
    int MaxEventsPerStep { get; }

    /// <summary>
    /// The beat grid the model writes on (e.g. 0.25 for sixteenths), so a restart mid-beat starts on the next grid
    /// line and the music stays on the host's beat; 0 for models with free timing.
    /// </summary>
    double GridBeats { get; }

    /// <summary>Model time reached so far (events of later steps are at or after it).</summary>
    double Time { get; }

    /// <summary>Conditioning values the model reads (one per manifest conditioning input).</summary>
    int ConditioningCount { get; }

    /// <summary>Starts over from the model's initial state: same seed, same notes.</summary>
    void Reset(ulong seed);

    void SetSampling(SamplingOptions options);

    /// <summary>Sets conditioning input <paramref name="index"/> to a plain value (inside the manifest's range).</summary>
    void SetConditioning(int index, float value);

    /// <summary>Runs one model step; writes the note events it causes; returns how many.</summary>
    int Step(Span<ModelNoteEvent> output);

    /// <summary>
    /// Sets the model's conditioning from the player's controls the way it was trained (a conditional event RNN: the
    /// pitch-class histogram of the key and scale, the note density); true when it did, and the manifest's plain
    /// conditioning slots then do not apply. Models without such conditioning return false. Allocates nothing.
    /// </summary>
    bool Steer(in MusicalSteering steering) => false;

    /// <summary>
    /// True when the events are several parts, one MIDI channel each (the multi-track GAN's instrument families): the
    /// player then passes them as they are, without the refine nets, which read one part.
    /// </summary>
    bool PlaysSeveralParts => false;

    /// <summary>
    /// Sets a code walk's rate and theme chances from the player's controls (the seq-ae); models without a code walk
    /// ignore it. Allocates nothing.
    /// </summary>
    void SteerWalk(in CodeWalkSteering walk)
    {
    }

    /// <summary>Stores the code the model is at as the theme its walk returns to (the seq-ae); models without one ignore it.</summary>
    void StoreTheme()
    {
    }

    /// <summary>
    /// The instrument's Fill Clip: a model that fills clips (pix2pix) plays the MIDI clip at <paramref name="clipPath"/>
    /// filled from now on and returns true; the others ignore it.
    /// </summary>
    bool FillClip(string clipPath) => false;

    /// <summary>
    /// Scales a clip model's threshold (the piano-roll GANs: a cell above it sounds) by <paramref name="scale"/> times
    /// the preset's own; models without one ignore it. Allocates nothing.
    /// </summary>
    void SteerThreshold(double scale)
    {
    }

    /// <summary>
    /// Sets a latent model's z controls from the player (the dcrnn): up to eight z values (NaN keeps the seed's), the
    /// morph toward the next clip's z (0…1) and a form from its list (0 = none); models without a z ignore it.
    /// Allocates nothing.
    /// </summary>
    void SteerLatent(ReadOnlySpan<double> latents, double morph, int form)
    {
    }

    /// <summary>Draws a fresh z for the theme the model plays next (the dcrnn); models without one ignore it.</summary>
    void NewTheme()
    {
    }

    /// <summary>Tells the model a note was played (follow input) without producing output or moving its clock.</summary>
    void Prime(bool isNoteOn, int pitch, int velocity);

    /// <summary>
    /// Starts from a piece of music (after <see cref="Reset"/>): it becomes the model's context and moves the clock on,
    /// and the notes the model heard in it are added to <paramref name="heard"/>. Allocates; not for the audio path.
    /// </summary>
    void Prime(Music.NoteSequence primer, List<ModelNoteEvent> heard);
}

namespace Samordning.Meetings.Dialogue;

// The supplier dialogue's tables, in the module's schema. The unique indexes are rules, not speed-ups: one
// registration per organisation number per dialogue, and a token hash that finds one supplier.
internal static class DialogueModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupplierDialogue>(dialogue =>
        {
            dialogue.ToTable("SupplierDialogues");
            dialogue.Property(d => d.Id).ValueGeneratedNever();
            dialogue.Property(d => d.Title).HasMaxLength(DialogueRules.MaxTitle);
            dialogue.Property(d => d.Description).HasMaxLength(DialogueRules.MaxText);
            dialogue.Property(d => d.Terms).HasMaxLength(DialogueRules.MaxText);
        });

        modelBuilder.Entity<DialogueSupplier>(supplier =>
        {
            supplier.ToTable("DialogueSuppliers");
            supplier.Property(s => s.Id).ValueGeneratedNever();
            supplier.Property(s => s.OrganisationName).HasMaxLength(DialogueRules.MaxName);
            supplier.Property(s => s.OrganisationNumber).HasMaxLength(9);
            supplier.Property(s => s.ContactName).HasMaxLength(DialogueRules.MaxName);
            supplier.Property(s => s.Email).HasMaxLength(254);
            supplier.Property(s => s.TokenHash).HasMaxLength(64);
            supplier.HasIndex(s => new { s.DialogueId, s.OrganisationNumber }).IsUnique();
            supplier.HasIndex(s => s.TokenHash).IsUnique();
            supplier.HasOne<SupplierDialogue>().WithMany().HasForeignKey(s => s.DialogueId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DialogueSlot>(slot =>
        {
            slot.ToTable("DialogueSlots");
            slot.Property(s => s.Id).ValueGeneratedNever();
            slot.Property(s => s.Place).HasMaxLength(DialogueRules.MaxPlace);
            slot.Property(s => s.VideoLink).HasMaxLength(DialogueRules.MaxLink);
            slot.HasIndex(s => new { s.DialogueId, s.StartsAt });
            slot.HasIndex(s => s.SupplierId);
            slot.HasOne<SupplierDialogue>().WithMany().HasForeignKey(s => s.DialogueId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DialogueInformation>(information =>
        {
            information.ToTable("DialogueInformation");
            information.Property(i => i.Id).ValueGeneratedNever();
            information.Property(i => i.Text).HasMaxLength(DialogueRules.MaxText);
            information.Property(i => i.DocumentReference).HasMaxLength(DialogueRules.MaxPlace);
            information.Property(i => i.RecordedBy).HasMaxLength(DialogueRules.MaxName);
            information.HasIndex(i => i.DialogueId);
            information.HasIndex(i => i.SlotId);
            information.HasOne<SupplierDialogue>().WithMany().HasForeignKey(i => i.DialogueId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DialogueQuestion>(question =>
        {
            question.ToTable("DialogueQuestions");
            question.Property(q => q.Id).ValueGeneratedNever();
            question.Property(q => q.Question).HasMaxLength(DialogueRules.MaxQuestion);
            question.Property(q => q.Answer).HasMaxLength(DialogueRules.MaxText);
            question.HasIndex(q => q.DialogueId);
            question.HasOne<SupplierDialogue>().WithMany().HasForeignKey(q => q.DialogueId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
